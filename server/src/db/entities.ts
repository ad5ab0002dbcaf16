import { Municipality } from '../modules/hierarchy/municipality.entity.js';
import { Organization } from '../modules/hierarchy/organization.entity.js';
import { Region } from '../modules/hierarchy/region.entity.js';
import { Consent } from '../modules/mentoring/consent.entity.js';
import { MentoringGroup } from '../modules/mentoring/mentoring-group.entity.js';
import { MentoringProgram } from '../modules/mentoring/mentoring-program.entity.js';
import { ParticipantPersonal } from '../modules/mentoring/participant-personal.entity.js';
import { Participant } from '../modules/mentoring/participant.entity.js';
import { RoadmapItem } from '../modules/roadmap/roadmap-item.entity.js';
import { RoadmapSection } from '../modules/roadmap/roadmap-section.entity.js';
import { Roadmap } from '../modules/roadmap/roadmap.entity.js';

/** Every entity the ORM knows; feature modules add theirs here. */
export const entities = [
  Region,
  Municipality,
  Organization,
  Roadmap,
  RoadmapSection,
  RoadmapItem,
  Participant,
  ParticipantPersonal,
  Consent,
  MentoringProgram,
  MentoringGroup,
];
