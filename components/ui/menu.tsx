'use client';
import { useEffect, useId, useRef, useState } from 'react';

/** A button that opens a keyboard-navigable menu (Escape closes, arrows move, focus returns). */
export function Menu({ label, buttonLabel, children }: { label: string; buttonLabel: React.ReactNode; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const first = root.current?.querySelector<HTMLElement>('[role^="menuitem"]');
    first?.focus();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') return close();
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  }

  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} className="btn btn-ghost" aria-haspopup="menu" aria-expanded={open} aria-controls={id} aria-label={label} onClick={() => setOpen((o) => !o)}>
        {buttonLabel} <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="menu-list" role="menu" id={id} aria-label={label}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
