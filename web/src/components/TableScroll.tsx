/**
 * A table that may be wider than a phone. Words in its cells stay whole, so on a narrow screen the
 * table scrolls sideways inside this box. When it does, the box is a labelled region that takes
 * keyboard focus (arrow keys scroll it) and a visible line says there is more to the side.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const hintId = `${useId()}-hint`;
  const [wider, setWider] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWider(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="rondom-table-wrap">
      {wider && <Paragraph id={hintId} className="rondom-table-hint">{t('table.scrollHint')}</Paragraph>}
      <div
        ref={ref}
        className="rondom-table-scroll"
        role={wider ? 'region' : undefined}
        aria-label={wider ? label : undefined}
        aria-describedby={wider ? hintId : undefined}
        tabIndex={wider ? 0 : undefined}
      >
        {children}
      </div>
    </div>
  );
}
