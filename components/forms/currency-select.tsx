import { Select, type SelectProps } from "@/components/ui/select";
import type { CurrencyChoices } from "@/lib/currencies";

/**
 * A currency picker: the likely currencies first, then every other one, each
 * with its name ("JPY — Japanese Yen"). The choices are built on the server
 * (currencyChoices), so names never differ between server and browser.
 */
export function CurrencySelect({ choices, ...props }: SelectProps & { choices: CurrencyChoices }) {
  return (
    <Select {...props}>
      <optgroup label="Common currencies">
        {choices.common.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </optgroup>
      <optgroup label="All other currencies">
        {choices.other.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </optgroup>
    </Select>
  );
}
