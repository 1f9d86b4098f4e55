// The bench's ESLint 9 peer: one rule, every TS/TSX file parsed by @typescript-eslint/parser
// (syntax only, no type information). Run from the corpus root with `eslint -c <this file> .`.
import tsParser from "@typescript-eslint/parser";

const message = "gate Convex queries on useConvexAuth() from convex/react, not on AuthKit's useAuth()";

export default [
  { ignores: ["**/node_modules/", "**/.next/", "**/dist/"] },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "@workos-inc/authkit-react", importNames: ["useAuth"], message }],
      }],
    },
  },
];
