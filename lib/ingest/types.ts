/** Audio features as Spotify defined them; every one may be missing (null). */
export interface AudioFeatures {
  danceability: number | null;
  energy: number | null;
  key: number | null;
  loudness: number | null;
  mode: number | null;
  speechiness: number | null;
  acousticness: number | null;
  instrumentalness: number | null;
  liveness: number | null;
  valence: number | null;
  tempo: number | null;
  timeSignature: number | null;
}

/** One song as a source describes it; everything but title and artists may be missing. */
export interface TrackInput {
  spotifyId?: string | null;
  isrc?: string | null;
  deezerId?: number | null;
  title: string;
  /** In credit order, [0] = primary. */
  artists: { name: string; spotifyId?: string | null }[];
  /** Display credit as the source wrote it; default: artists joined with ", ". */
  artistCredit?: string;
  album?: string | null;
  /** YYYY-MM-DD. */
  releaseDate?: string | null;
  durationMs?: number | null;
  explicit?: boolean | null;
  genre?: string | null;
  features?: Partial<AudioFeatures> | null;
}

/** How the inputs of a resolver's lifetime found their track. */
export interface MatchStats {
  bySpotifyId: number;
  byDeezerId: number;
  byIsrc: number;
  byKey: number;
  created: number;
}
