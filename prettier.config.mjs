// Prettier for the whole workspace: `npm run format` writes, `npm run format:check` checks (CI).
// What it skips is in .prettierignore (and .gitignore, which Prettier 3 also reads).
/** @type {import('prettier').Config} */
export default {
  printWidth: 100,
  singleQuote: true,
};
