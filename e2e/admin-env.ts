/**
 * The admin credentials of the end-to-end server: playwright.config.ts puts them in
 * webServer.env, admin.spec.ts logs in with them. Test values, never used elsewhere.
 */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-correct-horse';
export const E2E_SESSION_SECRET = 'e2e-session-secret-0123456789abcdef0123456789';
