"use client";

import { useRef, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * A button that opens a native modal dialog: focus moves in, Escape closes it, the page behind is
 * inert. `children` receives `close` to dismiss it after a success.
 */
export function DialogButton({ label, title, variant = "secondary", size = "md", disabled, children }: {
  label: ReactNode;
  title: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  disabled?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = () => ref.current?.close();
  return (
    <>
      <Button type="button" size={size} variant={variant} disabled={disabled} onClick={() => ref.current?.showModal()}>
        {label}
      </Button>
      <dialog ref={ref} aria-label={title} className="w-[32rem] max-w-[95vw] rounded-lg border border-border bg-surface p-0 text-fg backdrop:bg-black/40">
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h2 className="text-sm font-semibold">{title}</h2>
          <button type="button" onClick={close} aria-label="Close" className="rounded px-2 text-muted hover:bg-surface-2">
            ×
          </button>
        </div>
        <div className="p-4">{children(close)}</div>
      </dialog>
    </>
  );
}
