/** The accounts and invite code SEED_DEMO=accounts creates (apps/api/src/database/seed). */
export const DEMO = {
  admin: { email: 'admin@respeta.demo', password: 'respeta-admin-demo' },
  trainer: { email: 'formadora@respeta.demo', password: 'respeta-formadora-demo' },
  police: { email: 'policia@respeta.demo', password: 'respeta-policia-demo' },
  municipal: { email: 'municipal@respeta.demo', password: 'respeta-municipal-demo' },
  health: { email: 'salud@respeta.demo', password: 'respeta-salud-demo' },
  inviteCode: 'DEMO-2026',
};

export interface Credentials {
  email: string;
  password: string;
}
