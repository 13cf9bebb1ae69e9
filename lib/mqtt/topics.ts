/**
 * MQTT topic names. Everything lives under one prefix (MQTT_TOPIC_PREFIX,
 * default `songcast/v1`), so a subscriber to `<prefix>/forecasts/#` gets every
 * current forecast at once thanks to retention.
 */

/** The summary topic's last level; `_` cannot start a Spotify id, so it never clashes with a song. */
export const SUMMARY_LEVEL = '_summary';

/** A Spotify track id is base62 (22 characters today); anything else is not used in a topic. */
const SPOTIFY_ID = /^[A-Za-z0-9]{1,64}$/;

export interface TopicTrack {
  id: number;
  spotifyId: string | null;
}

/**
 * The topic level naming a song: its Spotify id, or `t<internal id>` for
 * chart-only songs without one. Spotify ids are 22 characters, so `t123`
 * never collides with one. When a song later gains a Spotify id its topic
 * changes; `publish` then deletes the old `t<id>` topic.
 */
export function trackKey(track: TopicTrack): string {
  return track.spotifyId && SPOTIFY_ID.test(track.spotifyId) ? track.spotifyId : `t${track.id}`;
}

/** Longest prefix: song topics must fit mqtt_retained.topic (255 characters). */
export const MAX_PREFIX_LENGTH = 200;

/** Rejects prefixes MQTT cannot publish to (wildcards, empty levels at the ends, NUL) or too long to store. */
export function validatePrefix(prefix: string): string {
  if (!prefix || /[#+\u0000]/.test(prefix) || prefix.startsWith('/') || prefix.endsWith('/') || prefix.length > MAX_PREFIX_LENGTH) {
    throw new Error(
      `MQTT topic prefix "${prefix.slice(0, 40)}" is not usable: no wildcards (# +), no leading or trailing "/", at most ${MAX_PREFIX_LENGTH} characters.`,
    );
  }
  return prefix;
}

/** Topic builders bound to one prefix. */
export function topicsFor(prefix: string) {
  const root = validatePrefix(prefix);
  return {
    prefix: root,
    /** `<prefix>/forecasts/`: what every song topic starts with. */
    forecastsRoot: `${root}/forecasts/`,
    /** `<prefix>/forecasts/<spotify id | t<id>>`: the song's latest forecast, retained. */
    forecast: (track: TopicTrack) => `${root}/forecasts/${trackKey(track)}`,
    /** `<prefix>/forecasts/_summary`: as-of, model version and count of the current set, retained. */
    summary: () => `${root}/forecasts/${SUMMARY_LEVEL}`,
    /** `<prefix>/audits/<spotify id | t<id>>`: the song's latest scored forecast. */
    audit: (track: TopicTrack) => `${root}/audits/${trackKey(track)}`,
  };
}
export type Topics = ReturnType<typeof topicsFor>;
