// Offshore tracking — great-circle distance to finish through marks, progress ranking, trails.
export { EARTH_RADIUS_NM, greatCircleNm, isValidLatLon, localOffsetNm, midpoint, type LatLon } from './geo.js';
export {
  DEFAULT_FINISH_RADIUS_NM,
  courseLengthNm,
  courseMarks,
  distanceToFinishNm,
  finishCrossing,
  finishPoint,
  hasPassedWaypoint,
  isFinishLine,
  type Course,
  type CourseFinish,
  type CourseMark,
} from './course.js';
export {
  DEFAULT_ETA_WINDOW_HOURS,
  computeBoatProgress,
  distanceSailedNm,
  recentAverageSpeedKn,
  speedBetweenKn,
  type BoatProgress,
  type ProgressOptions,
  type TrackFix,
} from './progress.js';
export { rankByDistanceToFinish, type RankableBoat, type RankedBoat } from './ranking.js';
export { simplifyTrack } from './simplify.js';
