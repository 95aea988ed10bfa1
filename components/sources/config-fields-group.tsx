import type { ConfigField } from "@/lib/sources/config-fields";
import { ConfigFieldInput } from "@/components/sources/config-field-input";

type Props = {
  fields: ConfigField[];
  values?: Record<string, string>;
  secretsSet?: ReadonlySet<string>;
  fieldError: (name: string) => string | null;
};

/** The generated inputs of a connector's config, named `config.<path>` for the data layer. */
export function ConfigFieldsGroup({ fields, values = {}, secretsSet = new Set(), fieldError }: Props) {
  if (fields.length === 0) return <p className="text-sm text-muted">Nothing to configure: this source is filled by importing files.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {fields.map((field) => (
        <ConfigFieldInput
          key={field.path}
          field={field}
          name={`config.${field.path}`}
          value={values[field.path]}
          secretSet={secretsSet.has(field.path)}
          error={fieldError(`config.${field.path}`)}
        />
      ))}
    </div>
  );
}
