/** Cookie that carries the session token (httpOnly, SameSite=Lax, Secure on https). */
export const SESSION_COOKIE = "regroup_session";
