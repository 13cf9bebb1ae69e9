import type { Pool, RowDataPacket } from 'mysql2/promise';
import { writeSnapshots } from '@/lib/ingest/chart-writer';
import { upsertPlaylists, writePlaylistTracks, type PlaylistSpec } from '@/lib/ingest/playlist-writer';
import type { TrackInput } from '@/lib/ingest/types';
import { splitArtists } from '@/lib/tracks/match-key';
import { BadLine, bool, day, durationMs, featureReader, Header, list, num, required, spotifyTrackId, text } from './fields';
import type { ImportFormat } from './types';

type SongRef = Pick<TrackInput, 'title' | 'artists' | 'artistCredit'>;

interface CatalogRow {
  /** Null for the Billboard audio-features style, whose songs are found by `songId` at write time. */
  track: TrackInput | null;
  songId: string | null;
  extra: Omit<TrackInput, 'title' | 'artists'>;
  popularity: number | null;
  playlist: Pick<PlaylistSpec, 'externalId' | 'name' | 'source' | 'theme'> | null;
}

/** The playlist standing for a mood label: one per mood, its theme the mood in lower case. */
function moodPlaylist(mood: string): CatalogRow['playlist'] {
  const theme = mood.trim().toLowerCase();
  if (!/^[a-z][a-z -]{0,31}$/.test(theme)) throw new BadLine(`mood "${mood}" is not a word`);
  return { externalId: theme, name: mood.trim(), source: 'mood', theme };
}

/**
 * Track catalogs with audio features, genre, playlist and a popularity
 * snapshot, in the common Kaggle / tidytuesday column styles (track_id,
 * track_name, track_artist, track_popularity, …; id, name, artist, popularity,
 * …; "Song ID", "Song Name", "Artist", "Popularity", "Chord", …). Popularity
 * becomes a `spotify` snapshot dated --date (skipped, with a note, without it).
 * The Billboard audio-features style (SongID = song + performer, no title
 * column) fills tracks already imported from the Hot 100 file.
 */
export const catalogFormat: ImportFormat<CatalogRow> = {
  name: 'catalog',
  summary: 'Track catalogs with audio features, genre, playlist and popularity (Kaggle / tidytuesday styles).',
  open(names, _file, env) {
    const h = new Header(names);
    const idCol = h.find('track_id', 'id', 'song id', 'spotify_track_id', 'spotify_id', 'uri', 'track_uri');
    const titleCol = h.find('track_name', 'name', 'song name', 'song', 'title', 'track');
    const artistCol = h.find('track_artist', 'artist', 'artists', 'artist_names', 'performer');
    const songIdCol = h.find('songid');
    const albumCol = h.find('track_album_name', 'album', 'album_name');
    const releaseCol = h.find('track_album_release_date', 'release_date', 'release date', 'album_release_date');
    const popCol = h.find('track_popularity', 'popularity', 'spotify_track_popularity');
    const genreCol = h.find('track_genre', 'genre', 'genres', 'artist_genre', 'playlist_genre');
    const durationCol = h.find('duration_ms', 'duration (ms)', 'spotify_track_duration_ms', 'length');
    const explicitCol = h.find('explicit', 'is_explicit');
    const playlistIdCol = h.find('playlist_id');
    const playlistNameCol = h.find('playlist_name');
    // A mood label (the mood-labels catalog: Happy, Sad, Energetic, Calm) came from its author's mood
    // playlists, so it is stored as membership of one playlist per mood (source `mood`, theme = the mood).
    const moodCol = h.find('mood');
    const features = featureReader(h);
    const joined = (titleCol < 0 || artistCol < 0) && songIdCol >= 0;
    if (!joined && (titleCol < 0 || artistCol < 0)) throw new Error('no title and artist columns (nor a SongID column)');
    if (!features && popCol < 0) throw new Error('no audio-feature or popularity columns');
    const snapshotDate = env.options.date ?? null;
    if (popCol >= 0 && !snapshotDate) env.note('popularity was not stored: pass --date YYYY-MM-DD, the day the catalog was collected');
    let songs: Promise<Map<string, SongRef>> | null = null;

    return {
      parse(fields) {
        const rawId = text(fields, idCol);
        const spotifyId = spotifyTrackId(rawId);
        if (rawId !== null && spotifyId === null) throw new BadLine(`"${rawId}" is not a Spotify track id`);
        const popularity = num(fields, popCol, 'popularity');
        if (popularity !== null && (popularity < 0 || popularity > 100)) throw new BadLine(`popularity ${popularity} is not 0–100`);
        const extra = {
          spotifyId,
          album: text(fields, albumCol),
          releaseDate: day(text(fields, releaseCol), 'release date'),
          durationMs: durationMs(text(fields, durationCol)),
          explicit: bool(fields, explicitCol, 'explicit'),
          genre: list(text(fields, genreCol))[0] ?? null,
          features: features?.(fields) ?? null,
        };
        const pid = text(fields, playlistIdCol);
        const pname = text(fields, playlistNameCol);
        const mood = text(fields, moodCol);
        const playlist = pid && pname ? { externalId: pid, name: pname, source: 'spotify', theme: null } : mood ? moodPlaylist(mood) : null;
        if (joined) return { track: null, songId: required(fields, songIdCol, 'SongID'), extra, popularity, playlist };
        const credit = required(fields, artistCol, 'artist');
        const names = credit.includes(';') ? list(credit) : splitArtists(credit);
        const track = { ...extra, title: required(fields, titleCol, 'track name'), artists: names.map((name) => ({ name })), artistCredit: credit };
        return { track, songId: null, extra, popularity, playlist };
      },
      async write(rows) {
        const known = joined ? await (songs ??= loadSongIds(env.pool)) : null;
        const usable: { row: CatalogRow; track: TrackInput }[] = [];
        for (const row of rows) {
          const base = row.track ?? (row.songId !== null ? known?.get(row.songId) : undefined);
          if (base) usable.push({ row, track: row.track ?? { ...row.extra, ...base } });
        }
        if (usable.length < rows.length) {
          env.count('unknownSongIds', rows.length - usable.length);
          env.note('rows whose SongID matches no imported song were skipped: import the Billboard Hot 100 file first');
        }
        const ids = await env.resolver.resolve(usable.map((u) => u.track));
        env.count('tracks', ids.length);
        if (snapshotDate) {
          const snaps = usable.flatMap((u, i) => (u.row.popularity === null ? [] : [{ trackId: ids[i]!, observedOn: snapshotDate, source: 'spotify', popularity: u.row.popularity }]));
          await writeSnapshots(env.pool, snaps);
          env.count('snapshots', snaps.length);
        }
        const members = usable.flatMap((u, i) => (u.row.playlist ? [{ ...u.row.playlist, trackId: ids[i]! }] : []));
        if (members.length > 0) {
          const playlistIds = await upsertPlaylists(env.pool, members);
          await writePlaylistTracks(env.pool, members.map((m) => ({ playlistId: playlistIds.get(`${m.source}|${m.externalId}`)!, trackId: m.trackId })));
          env.count('playlistTracks', members.length);
        }
      },
    };
  },
};

/** Songs imported from a Hot 100 file, keyed as the audio-features file's SongID (title + credit). */
async function loadSongIds(pool: Pool) {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT title, artist_names FROM tracks');
  const out = new Map<string, SongRef>();
  for (const r of rows) {
    const title = r.title as string;
    const credit = r.artist_names as string;
    out.set(`${title}${credit}`, { title, artists: splitArtists(credit).map((name) => ({ name })), artistCredit: credit });
  }
  return out;
}
