import { billboardFormat } from './billboard';
import { catalogFormat } from './catalog';
import { playlistsFormat } from './playlists';
import { spotifyChartsFormat } from './spotify-charts';
import { top50Format } from './top50';
import type { ImportFormat } from './types';

/** Every file format `job import` reads, by name. */
export const IMPORT_FORMATS = {
  'spotify-charts': spotifyChartsFormat,
  billboard: billboardFormat,
  top50: top50Format,
  catalog: catalogFormat,
  playlists: playlistsFormat,
} satisfies Record<string, ImportFormat>;
export type ImportFormatName = keyof typeof IMPORT_FORMATS;
export const IMPORT_FORMAT_NAMES = Object.keys(IMPORT_FORMATS) as [ImportFormatName, ...ImportFormatName[]];
