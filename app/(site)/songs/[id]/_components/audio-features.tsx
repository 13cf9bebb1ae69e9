import type { AudioFeatures } from '@/lib/queries/songs';

const UNIT_FEATURES: { key: keyof AudioFeatures; label: string }[] = [
  { key: 'danceability', label: 'Danceability' },
  { key: 'energy', label: 'Energy' },
  { key: 'valence', label: 'Valence (mood)' },
  { key: 'acousticness', label: 'Acousticness' },
  { key: 'speechiness', label: 'Speechiness' },
  { key: 'instrumentalness', label: 'Instrumentalness' },
  { key: 'liveness', label: 'Liveness' },
];

/** The song's audio features as small 0–1 bars plus tempo and loudness; "not available" where unknown. */
export function AudioFeaturesPanel({ audio }: { audio: AudioFeatures }) {
  const known = Object.values(audio).some((v) => v !== null);
  return (
    <section aria-labelledby="audio-heading" className="rounded-xl border border-border bg-surface p-5">
      <h2 id="audio-heading" className="text-base font-semibold">
        Audio features
      </h2>
      {!known ? (
        <p className="mt-3 text-sm text-muted">
          Not available for this song. Spotify no longer serves audio features to new apps; they come from catalog imports when a
          catalog lists the song.
        </p>
      ) : (
        <>
          <dl className="mt-4 grid gap-2.5 text-sm">
            {UNIT_FEATURES.map(({ key, label }) => {
              const value = audio[key];
              return (
                <div key={key} className="grid grid-cols-[8.5rem_1fr_2.5rem] items-center gap-3">
                  <dt className="text-muted">{label}</dt>
                  <dd aria-hidden className="h-2 overflow-hidden rounded-full bg-surface-2">
                    {value !== null ? <span className="block h-full rounded-full bg-accent" style={{ width: `${Math.round(value * 100)}%` }} /> : null}
                  </dd>
                  <dd className="text-right">{value === null ? '–' : value.toFixed(2)}</dd>
                </div>
              );
            })}
          </dl>
          <dl className="mt-4 flex gap-6 border-t border-border pt-3 text-sm">
            <div>
              <dt className="text-xs text-muted">Tempo</dt>
              <dd className="font-medium">{audio.tempo === null ? 'not available' : `${Math.round(audio.tempo)} BPM`}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Loudness</dt>
              <dd className="font-medium">{audio.loudness === null ? 'not available' : `${audio.loudness.toFixed(1)} dB`}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
