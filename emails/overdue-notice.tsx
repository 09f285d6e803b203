import { buildNoticeView } from "@/lib/rendering/notice-view";
import { sampleNoticeInput } from "@/lib/rendering/sample-data";
import type { NoticeRenderInput } from "@/lib/rendering/types";
import { NoticeEmail } from "./components/notice-email";

/** An overdue notice for any stage number (1st, 2nd, ... registered), with the stage's fees. */
export type OverdueNoticeProps = NoticeRenderInput & { stage: { kind: "overdue" } };

export default function OverdueNotice(props: OverdueNoticeProps) {
  return <NoticeEmail view={buildNoticeView(props)} />;
}

OverdueNotice.PreviewProps = sampleNoticeInput({
  kind: "overdue",
  number: 2,
  language: "nl",
}) as OverdueNoticeProps;
