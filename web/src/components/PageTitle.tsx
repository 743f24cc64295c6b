/**
 * The page's h1. After an in-app navigation it takes focus, so keyboard and
 * screen-reader users start at the new page's title; it also sets document.title.
 */
import { useEffect, useRef } from 'react';
import { Heading } from '@utrecht/component-library-react';

let firstRender = true;

export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – Rondom`;
    if (firstRender) {
      firstRender = false;
      return;
    }
    ref.current?.focus();
  }, [children]);
  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="rondom-page-title">
      {children}
    </Heading>
  );
}
