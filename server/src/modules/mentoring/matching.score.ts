import { GraphQLError } from 'graphql';
import { FORM_RULES, assertComposition, seniority, type Candidate } from './mentoring-group.rules.js';
import { MENTORING_FORM_LABELS, MentoringForm } from './mentoring-group.enums.js';
import { MATCH_WEIGHTS, MatchFactor, type MatchReason } from './matching.types.js';
import { PARTICIPANT_CATEGORY_LABELS } from './participant.enums.js';

/** A mentor as the scoring sees them: the rule fields plus profile and current load. */
export interface MentorProfile extends Candidate {
  competencies: string[];
  partner_organization: string | null;
  load: number;
}

export interface MenteeProfile extends Candidate {
  request_topics: string[];
}

export interface Scored {
  form: MentoringForm;
  score: number;
  freePlaces: number | null;
  reasons: MatchReason[];
}

const normalise = (text: string) => text.trim().toLocaleLowerCase('ru');

function places(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return 'мест';
  if (ones === 1) return 'место';
  if (ones >= 2 && ones <= 4) return 'места';
  return 'мест';
}

function reason(factor: MatchFactor, share: number, text: string): MatchReason {
  const maxPoints = MATCH_WEIGHTS[factor];
  return { factor, points: Math.round(maxPoints * share), maxPoints, text };
}

function formReason(form: MentoringForm, mentor: Candidate, mentee: Candidate): MatchReason {
  const label = `форма «${MENTORING_FORM_LABELS[form]}»`;
  if (form === MentoringForm.PUPIL_PUPIL) {
    const { older, higher } = seniority(mentor, mentee);
    if (older && higher)
      return reason(MatchFactor.FORM, 1, `${label}: наставник старше и в более старшем классе`);
    return reason(
      MatchFactor.FORM,
      2 / 3,
      older
        ? `${label}: наставник старше, но учится не в более старшем классе`
        : `${label}: наставник в более старшем классе, но не старше`,
    );
  }
  const rule = FORM_RULES[form];
  return reason(
    MatchFactor.FORM,
    1,
    `${label}: наставник — «${PARTICIPANT_CATEGORY_LABELS[rule.mentor].toLowerCase()}», ` +
      `наставляемый — «${PARTICIPANT_CATEGORY_LABELS[rule.mentee].toLowerCase()}»`,
  );
}

/** Request topics, each once whatever its case. */
function requestTopics(mentee: MenteeProfile): string[] {
  const seen = new Set<string>();
  return mentee.request_topics.filter((topic) => {
    const key = normalise(topic);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function topicsReason(mentor: MentorProfile, topics: string[]): MatchReason {
  if (topics.length === 0)
    return reason(MatchFactor.REQUEST_TOPICS, 0, 'у наставляемого не указаны темы запроса');
  const competencies = new Set(mentor.competencies.map(normalise));
  const matched = topics.filter((topic) => competencies.has(normalise(topic)));
  if (matched.length === 0)
    return reason(MatchFactor.REQUEST_TOPICS, 0, 'темы запроса не совпадают с компетенциями наставника');
  return reason(
    MatchFactor.REQUEST_TOPICS,
    matched.length / topics.length,
    `совпадают темы запроса: ${matched.join(', ')} (${matched.length} из ${topics.length})`,
  );
}

function loadReason(mentor: MentorProfile): MatchReason {
  if (mentor.max_load === null)
    return reason(MatchFactor.FREE_LOAD, 0, 'допустимая нагрузка наставника не указана');
  const free = mentor.max_load - mentor.load;
  return reason(
    MatchFactor.FREE_LOAD,
    free / mentor.max_load,
    `свободно ${free} ${places(free)} из ${mentor.max_load}`,
  );
}

function organizationReason(mentor: MentorProfile, topics: string[]): MatchReason {
  const partner = mentor.partner_organization?.trim();
  if (!partner)
    return reason(MatchFactor.ORGANIZATION, 1 / 2, 'наставник из той же образовательной организации');
  const name = normalise(partner);
  const mentioned = topics.find((topic) => {
    const key = normalise(topic);
    return name.includes(key) || key.includes(name);
  });
  return mentioned
    ? reason(
        MatchFactor.ORGANIZATION,
        1,
        `партнёрская организация «${partner}» совпадает с запросом «${mentioned}»`,
      )
    : reason(MatchFactor.ORGANIZATION, 0, `партнёрская организация «${partner}» в запросе не упоминается`);
}

/**
 * The mentor's best score over the given forms, or null when every form would break a rule of
 * pairs and groups: the same `assertComposition` that `createMentoringGroup` applies decides,
 * so a suggestion can always be confirmed as it stands. Ties keep the earlier form.
 */
export function scoreMentor(
  mentor: MentorProfile,
  mentee: MenteeProfile,
  forms: readonly MentoringForm[],
): Scored | null {
  const topics = requestTopics(mentee);
  let best: Scored | null = null;
  for (const form of forms) {
    try {
      assertComposition(form, [mentor], [mentee]);
    } catch (error) {
      if (error instanceof GraphQLError) continue;
      throw error;
    }
    const reasons = [
      formReason(form, mentor, mentee),
      topicsReason(mentor, topics),
      loadReason(mentor),
      organizationReason(mentor, topics),
    ];
    const score = reasons.reduce((sum, part) => sum + part.points, 0);
    if (!best || score > best.score)
      best = {
        form,
        score,
        freePlaces: mentor.max_load === null ? null : mentor.max_load - mentor.load,
        reasons,
      };
  }
  return best;
}
