/** Tailwind CSS 4 runs as one PostCSS plugin; its theme lives in app/globals.css. */
export default {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};
