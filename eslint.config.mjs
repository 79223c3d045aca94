import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const drizzleObjects = { drizzleObjectName: ["db", "tx", "getDb"] };

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
