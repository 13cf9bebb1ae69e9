import { upsertPlaylists, writePlaylistTracks } from '@/lib/ingest/playlist-writer';
import type { TrackInput } from '@/lib/ingest/types';
import { splitArtists } from '@/lib/tracks/match-key';
import { BadLine, day, durationMs, Header, list, required, spotifyTrackId, text } from './fields';
import type { ImportFormat } from './types';

interface PlaylistRow {
  playlist: { externalId: string; name: string };
  track: TrackInput | null;
  addedOn: string | null;
  removedOn: string | null;
}

/**
 * Playlist membership histories
 * (`playlist_id,playlist_name,track_id,track_name,artists,artist_ids,album,…,date_added,date_removed`)
 * → playlists + playlist_tracks. A file with playlists but no track columns
 * (`playlist_id,playlist_name,description,…`) upserts the playlists alone.
 */
export const playlistsFormat: ImportFormat<PlaylistRow> = {
  name: 'playlists',
  summary: 'Playlist membership histories (playlist_id,playlist_name,track_id,…,date_added,date_removed) or playlist lists.',
  open(names, _file, env) {
    const h = new Header(names);
    const pidCol = h.need('playlist id', 'playlist_id');
    const pnameCol = h.need('playlist name', 'playlist_name');
    const tidCol = h.find('track_id', 'track_uri', 'uri');
    const titleCol = h.find('track_name', 'track', 'name');
    const artistCol = h.find('artists', 'artist', 'track_artist', 'artist_names');
    const artistIdsCol = h.find('artist_ids');
    const albumCol = h.find('album', 'track_album_name');
    const lengthCol = h.find('length', 'duration_ms');
    const addedCol = h.find('date_added', 'added_at', 'added_on');
    const removedCol = h.find('date_removed', 'removed_at', 'removed_on');
    const withTracks = tidCol >= 0 || titleCol >= 0;
    if (withTracks && (titleCol < 0 || artistCol < 0)) throw new Error('track rows need track_name and artists columns');
    return {
      parse(fields) {
        const playlist = { externalId: required(fields, pidCol, 'playlist_id'), name: required(fields, pnameCol, 'playlist_name') };
        if (!withTracks) return { playlist, track: null, addedOn: null, removedOn: null };
        const rawId = text(fields, tidCol);
        const spotifyId = spotifyTrackId(rawId);
        if (rawId !== null && spotifyId === null) throw new BadLine(`"${rawId}" is not a Spotify track id`);
        const credit = required(fields, artistCol, 'artists');
        const names = credit.includes(';') ? list(credit) : splitArtists(credit);
        const ids = list(text(fields, artistIdsCol)).flatMap((v) => v.split(/\s*,\s*/));
        const addedOn = day(text(fields, addedCol), 'date_added');
        const removedOn = day(text(fields, removedCol), 'date_removed');
        if (addedOn && removedOn && removedOn < addedOn) throw new BadLine(`removed ${removedOn} before added ${addedOn}`);
        return {
          playlist,
          addedOn,
          removedOn,
          track: {
            spotifyId,
            title: required(fields, titleCol, 'track_name'),
            artists: names.map((name, i) => ({ name, spotifyId: ids.length === names.length ? ids[i] : null })),
            artistCredit: credit.replace(/\s*;\s*/g, ', '),
            album: text(fields, albumCol),
            durationMs: durationMs(text(fields, lengthCol)),
          },
        };
      },
      async write(rows) {
        const playlistIds = await upsertPlaylists(env.pool, rows.map((r) => ({ ...r.playlist, source: 'spotify' })));
        env.count('playlistUpserts', playlistIds.size);
        const members = rows.filter((r): r is PlaylistRow & { track: TrackInput } => r.track !== null);
        const trackIds = await env.resolver.resolve(members.map((m) => m.track));
        await writePlaylistTracks(
          env.pool,
          members.map((m, i) => ({ playlistId: playlistIds.get(`spotify|${m.playlist.externalId}`)!, trackId: trackIds[i]!, addedOn: m.addedOn, removedOn: m.removedOn })),
        );
        env.count('playlistTracks', members.length);
      },
    };
  },
};
