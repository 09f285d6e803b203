import { getTranslations } from "next-intl/server";
import { listChoosableLibraries } from "@/lib/auth/load-staff-session";
import { db } from "@/lib/db";
import { chooseLibraryAction } from "@/lib/library/choose-library-action";
import type { StaffLibrary } from "@/lib/library/current-library";

/**
 * For a consortium-wide account: the library it works in, visibly, and a switch to another.
 * A plain form, so it works with the keyboard and without JavaScript.
 */
export async function LibraryChooser({ current }: { current: StaffLibrary }) {
  const [t, libraries] = await Promise.all([getTranslations("shell"), listChoosableLibraries(db)]);
  return (
    <form action={chooseLibraryAction} className="flex items-center gap-2">
      <label htmlFor="header-library" className="text-sm text-muted">
        {t("chooseLibrary")}
      </label>
      <select
        id="header-library"
        name="libraryId"
        defaultValue={current.id}
        className="max-w-56 rounded-md border border-field bg-surface px-2 py-1 text-sm font-semibold text-ink"
      >
        {libraries.map((library) => (
          <option key={library.id} value={library.id}>
            {library.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-line px-2 py-1 text-sm hover:bg-brand-soft">
        {t("switchLibrary")}
      </button>
    </form>
  );
}
