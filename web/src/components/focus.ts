/** Focus on a form's field after the next render (for when the control that had focus goes away). */
export function focusField(formId: string, name: string): void {
  requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus());
}
