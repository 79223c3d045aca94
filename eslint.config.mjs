import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx", "getDb"] };
// Icons come from the sprite (docs/architecture.md, "Icons"): a lucide component is a client
// component whose drawing rides in every payload. icon-sprite.ts reads lucide's modules for it.
const LUCIDE = {
  name: "lucide-react",
  allowTypeImports: true,
  message: 'Draw icons with <Icon name="…" /> from @/components/ui/icon, adding the icon to components/ui/icon-sprite.ts.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", ".data/**", "coverage/**", "next-env.d.ts", "db/migrations/**", "tests/.artifacts/**"]),
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without WHERE wipes a table: refuse it at lint time.
      "drizzle/enforce-delete-with-where": ["error", drizzleObjects],
      "drizzle/enforce-update-with-where": ["error", drizzleObjects],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers (docs/architecture.md): app → components → lib → db, and db
  // reads only db and the pure helpers. A wrong-way import fails the lint.
  {
    files: ["db/**"],
    ignores: ["db/seed/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*", "@/documents/*", "@/emails/*"],
              message: "db/ imports only db/ and the pure helpers: queries return data, the layers above shape it.",
            },
            {
              group: [
                "@/lib/*",
                "!@/lib/env",
                "!@/lib/money",
                "!@/lib/currencies",
                "!@/lib/dates",
                "!@/lib/phone",
                "!@/lib/invoices",
                "@/lib/invoices/*",
                "!@/lib/invoices/status",
                "!@/lib/invoices/amounts",
                "!@/lib/validation",
                "!@/lib/dashboard",
                "@/lib/dashboard/*",
                "!@/lib/dashboard/range",
                "!@/lib/notify",
                "@/lib/notify/*",
                "!@/lib/notify/templates",
              ],
              message:
                "db/ imports only db/ and the pure helpers (env, money, currencies, dates, phone, invoice status and amounts, validation, dashboard range, template types). Move the logic into lib/, or the query into db/.",
            },
            { regex: "^(\\.\\./)+(app|components|documents|emails|lib)/", message: "db/ imports only db/ and the pure helpers." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**", "documents/**", "emails/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "lib/ (and the documents and emails it renders) imports no components or app code: move what both need into lib/ or documents/." },
            { regex: "^(\\.\\./)+(app|components)/", message: "lib/ imports no components or app code." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*"], message: "components/ import no app code: imports flow app → components → lib → db." },
            { group: ["drizzle-orm", "drizzle-orm/*", "@/db/schema", "@/db/schema/*"], allowTypeImports: true, message: "Components hold no SQL: read through db/queries." },
          ],
          paths: [LUCIDE],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "@/db/schema", "@/db/schema/*"],
              allowTypeImports: true,
              message: "Pages and route handlers hold no SQL: read through db/queries, write through lib/.",
            },
          ],
          paths: [LUCIDE],
        },
      ],
    },
  },
  {
    // Every transaction the app opens goes through inTransaction (lib/transaction.ts), which
    // reruns it on a deadlock or lock timeout (a Galera cluster answers 1213 on a conflict).
    files: ["app/**", "components/**", "lib/**", "db/queries/**", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: "Open transactions with inTransaction(db, fn) from @/lib/transaction: it retries deadlocks and lock timeouts.",
        },
      ],
    },
  },
]);
