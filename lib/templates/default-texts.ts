import type { Language, StageKind } from "@/lib/generated/prisma/enums";
import type { NoticeWording } from "./validate-wording";

// French puts a no-break space before ":" and "?".
const NBSP = "\u00a0";

/** The built-in wording, used wherever neither the branch nor the system level has its own. */
export const DEFAULT_NOTICE_TEXTS: Record<StageKind, Record<Language, NoticeWording>> = {
  pre_due: {
    nl: {
      subject: "Herinnering: uw uitleentermijn loopt af op {due.date}",
      opening:
        "Beste {patron.firstName},\n\nDe uitleentermijn van de materialen hieronder loopt af op {due.date}. " +
        "Breng ze tijdig binnen in {branch.name}, of verleng ze met één klik als dat kan.",
      closing:
        "Hebt u ze intussen al binnengebracht? Dan hoeft u niets te doen.\n\n" +
        "Met vriendelijke groeten,\nHet team van {library.name}",
    },
    fr: {
      subject: `Rappel${NBSP}: votre prêt arrive à échéance le {due.date}`,
      opening:
        "Bonjour {patron.firstName},\n\nLa période de prêt des documents ci-dessous se termine le {due.date}. " +
        "Rapportez-les à temps à {branch.name} ou prolongez-les en un clic si c’est possible.",
      closing:
        `Vous les avez déjà rapportés${NBSP}? Dans ce cas, ne tenez pas compte de ce message.\n\n` +
        "Meilleures salutations,\nL’équipe de {library.name}",
    },
    en: {
      subject: "Reminder: your loans are due on {due.date}",
      opening:
        "Dear {patron.firstName},\n\nThe items below are due back on {due.date}. " +
        "Please return them to {branch.name} in time, or renew them in one click where possible.",
      closing:
        "Already returned them? Then there is nothing you need to do.\n\nKind regards,\nThe team at {library.name}",
    },
  },
  overdue: {
    nl: {
      subject: "{stage.label}: uw uitleentermijn is verstreken",
      opening:
        "Beste {patron.firstName},\n\nDe uitleentermijn van de materialen hieronder is verstreken. " +
        "Breng ze zo snel mogelijk binnen in {branch.name}, of verleng ze als dat nog kan. " +
        "Zo kunnen ook andere leners ervan genieten.",
      closing:
        "Hebt u ze intussen al binnengebracht? Dan hoeft u niets te doen. " +
        "Met vragen kunt u altijd terecht in {branch.name}.\n\n" +
        "Met vriendelijke groeten,\nHet team van {library.name}",
    },
    fr: {
      subject: `{stage.label}${NBSP}: documents en retard`,
      opening:
        "Bonjour {patron.firstName},\n\nLa période de prêt des documents ci-dessous est dépassée. " +
        "Merci de les rapporter au plus vite à {branch.name} ou de les prolonger si c’est encore possible, " +
        "afin que d’autres lecteurs puissent aussi en profiter.",
      closing:
        `Vous les avez déjà rapportés${NBSP}? Dans ce cas, ne tenez pas compte de ce message. ` +
        `Une question${NBSP}? L’équipe de {branch.name} vous aide volontiers.\n\n` +
        "Meilleures salutations,\nL’équipe de {library.name}",
    },
    en: {
      subject: "{stage.label}: items overdue",
      opening:
        "Dear {patron.firstName},\n\nThe items below are past their due date. " +
        "Please return them to {branch.name} as soon as possible, or renew them if that is still possible, " +
        "so that other patrons can enjoy them too.",
      closing:
        "Already returned them? Then there is nothing you need to do. " +
        "Any questions? The team at {branch.name} will be glad to help.\n\n" +
        "Kind regards,\nThe team at {library.name}",
    },
  },
};
