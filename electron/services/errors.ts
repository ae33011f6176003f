/** A request that is well-formed but not possible now (e.g. no such slide); shown to the counselor as is. */
export class RejectedRequest extends Error {
  override name = 'RejectedRequest';
  /** `locked`: possible once the counselor PIN is given; the window asks for it and tries again. */
  readonly code: 'rejected' | 'locked' = 'rejected';
}
