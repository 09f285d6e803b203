import { buildNoticeView } from "@/lib/rendering/notice-view";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { NoticeRenderInput } from "@/lib/rendering/types";
import { NoticeEmail } from "./components/notice-email";

/** A reminder a few days before the due date, with one-click renewal (opt-in service mail). */
export type PreDueReminderProps = NoticeRenderInput & { stage: { kind: "pre_due" } };

export default function PreDueReminder(props: PreDueReminderProps) {
  return <NoticeEmail view={buildNoticeView(props)} />;
}

PreDueReminder.PreviewProps = sampleNoticeInput({ kind: "pre_due", language: "nl" }) as PreDueReminderProps;
