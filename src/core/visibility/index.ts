// The visibility core's public surface: the record states and markers of spec §1.8, and the one decision of
// Tables F-1 and F-2 every query channel, feed, batch file and report goes through (R61).
export {
  type Authorization,
  decideVisibility,
  filterVisible,
  type HiddenRule,
  type Viewer,
  type ViewerKind,
  type VisibilityDecision,
  type VisibilityInput,
  type VisibilityRecord,
} from './decide-visibility.ts';
export {
  isRecordState,
  RECORD_MARKER_NAMES,
  RECORD_MARKERS,
  RECORD_STATE_NAMES,
  RECORD_STATES,
  type RecordMarker,
  type RecordState,
} from './record-states.ts';
