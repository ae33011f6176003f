/** The steps a job reports, keys of `jobs.phases` in the `main` catalog (worded in the console's language). */
export type JobPhase =
  | 'starting'
  | 'done'
  | 'checking'
  | 'copyingAndChecking'
  | 'layingOut'
  | 'readingRecords'
  | 'openingZip'
  | 'readingPages'
  | 'unpacking'
  | 'writingFiles'
  | 'checkingPack'
  | 'renderingSlides'
  | 'packingFiles';
