// What sessions.record needs from compliance, in one place: the room's container, whether a container takes
// needles, the therapist's credential check, and the MDR evaluation of an adverse event.
export { assertContainerTakesUse, defaultContainerForRoom } from './sharps-rules';
export { credentialProblemOf } from './credentials-rules';
export { openMdrEvaluationForSession } from './mdr-rules';
