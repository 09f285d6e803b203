import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputClass, primaryButtonClass } from "@/components/form-field";
import { getStaffSession } from "@/lib/auth/get-staff-session";
import { listChoosableLibraries } from "@/lib/auth/load-staff-session";
import { safeReturnPath, signInPath } from "@/lib/auth/paths";
import { db } from "@/lib/db";
import { chooseLibraryAction } from "@/lib/library/choose-library-action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("chooseLibrary");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A consortium-wide account's first stop: the library it works in (requireStaff sends it here). */
export default async function ChooseLibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const from = safeReturnPath(String((await searchParams).from ?? "/"));
  const staff = await getStaffSession();
  if (!staff) redirect(signInPath(`/choose-library?from=${encodeURIComponent(from)}`));
  // An account of one library has nothing to choose.
  if (staff.libraryId !== null) redirect(from);
  const [t, libraries] = await Promise.all([getTranslations("chooseLibrary"), listChoosableLibraries(db)]);
  return (
    <div className="rounded-lg border border-line bg-surface p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 leading-relaxed">{t("intro")}</p>
      {libraries.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <form action={chooseLibraryAction} className="mt-5 flex flex-col gap-4">
          <input type="hidden" name="from" value={from} />
          <div className="flex flex-col gap-1">
            <label htmlFor="choose-library" className="font-medium">
              {t("library")}
            </label>
            <select
              id="choose-library"
              name="libraryId"
              className={inputClass}
              defaultValue={staff.library?.id}
            >
              {libraries.map((library) => (
                <option key={library.id} value={library.id}>
                  {library.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={primaryButtonClass}>
            {t("submit")}
          </button>
        </form>
      )}
    </div>
  );
}
