// The response shapes the page reads, imported from the API's own code so the two cannot drift.
export type {
  AccountBody,
  AccountFeaturesBody,
  AccountListBody,
  AccountListItem,
  AccountPeopleBody,
  AccountPerson,
  AccountSegment,
  DestinationsBody,
  DestinationView,
  MeBody,
  SegmentsBody,
  SegmentView,
  SettingsBody,
  SignalsBody,
  SubjectHistoryBody,
} from '@coil/accounts';
export type { Insights, ScoreExplanation } from '@coil/scoring';
export type { Signal, SignalKind } from '@coil/signals';

/** The one error shape of every endpoint. */
export interface ErrorBody {
  error: { message: string; status: string; code: string; details?: unknown };
}
