/** The one Drizzle schema shared by the web app, the jobs and drizzle-kit. */
export * from './tables/catalog';
export * from './tables/charts';
export * from './tables/playlists';
export * from './tables/models';
export * from './tables/jobs';
export * from './tables/mqtt';
export * from './tables/admin';
