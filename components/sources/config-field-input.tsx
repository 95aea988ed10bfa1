import type { ConfigField } from "@/lib/sources/config-fields";
import { FieldError, Input, Label, Select } from "@/components/ui/input";

const TEXTAREA =
  "w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs text-fg placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent";

type Props = {
  field: ConfigField;
  /** The form input's name (`config.<path>`). */
  name: string;
  /** The stored text (edit form); secrets never have one. */
  value: string | undefined;
  /** For secrets on the edit form: whether one is stored. */
  secretSet?: boolean;
  error: string | null;
};

/** One input of the generated config form, labelled and described for screen readers. */
export function ConfigFieldInput({ field, name, value, secretSet, error }: Props) {
  const id = `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hint = [
    field.description,
    field.kind === "string-list" ? "One per line." : null,
    field.kind === "json" ? "JSON." : null,
    field.kind === "secret" ? (secretSet ? "Set. Leave empty to keep it; type to replace it." : "Not set. Stored encrypted; never shown again.") : null,
    field.defaultText !== null && field.kind !== "boolean" ? `Default: ${field.defaultText.replace(/\n/g, ", ") || "none"}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined,
  };
  const label = (
    <Label htmlFor={id}>
      {field.label}
      {field.required ? <span aria-hidden="true"> *</span> : null}
      {field.kind === "secret" ? <span className="ml-1 font-normal">(secret, write-only)</span> : null}
    </Label>
  );

  if (field.kind === "boolean") {
    return (
      <div>
        <label htmlFor={id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...common} defaultChecked={(value ?? field.defaultText) === "true"} className="h-4 w-4 accent-accent" />
          {field.label}
        </label>
        {hint ? <p id={hintId} className="mt-1 text-xs text-muted">{hint}</p> : null}
        <FieldError id={errorId} message={error} />
      </div>
    );
  }

  let control;
  if (field.kind === "enum") {
    control = (
      <Select {...common} defaultValue={value ?? field.defaultText ?? ""} required={field.required}>
        {field.required && !field.defaultText ? <option value="">Choose…</option> : null}
        {!field.required ? <option value="">{field.defaultText ? `Default (${field.defaultText})` : "Not set"}</option> : null}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    );
  } else if (field.kind === "string-list" || field.kind === "json") {
    control = <textarea {...common} rows={field.kind === "json" ? 5 : 3} defaultValue={value ?? ""} className={TEXTAREA} spellCheck={false} />;
  } else if (field.kind === "secret") {
    control = <Input {...common} type="password" autoComplete="new-password" placeholder={secretSet ? "•••••• (set)" : ""} required={field.required && !secretSet} />;
  } else {
    const numeric = field.kind === "integer" || field.kind === "number";
    control = (
      <Input
        {...common}
        type={numeric ? "number" : "text"}
        step={field.kind === "integer" ? 1 : numeric ? "any" : undefined}
        min={field.min ?? undefined}
        max={field.max ?? undefined}
        defaultValue={value ?? ""}
        placeholder={field.defaultText ?? ""}
        required={field.required}
      />
    );
  }
  return (
    <div>
      {label}
      {control}
      {hint ? <p id={hintId} className="mt-1 text-xs text-muted">{hint}</p> : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
