/**
 * The state this deployment serves, shown in the header. Montana is the first profile; when the API
 * exposes the active profile (state_profile table) this should come from there instead.
 */
export const STATE_NAME = 'Montana';

/** The product name. */
export const PRODUCT_NAME = 'Bitterroot';
