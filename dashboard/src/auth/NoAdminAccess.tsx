import { useUser, useWatchword } from '@watchword/react';

/** A signed-in account that holds none of the admin permissions: say so, and offer the way out. */
export function NoAdminAccess() {
  const client = useWatchword();
  const { user } = useUser();
  return (
    <main className="signin-page" id="main">
      <h1>This account has no admin permissions</h1>
      <p>
        {user?.email ? <>You are signed in as <strong>{user.email}</strong>. </> : null}
        The dashboard needs a role with admin permissions (such as <code>admin</code>, or a custom role with
        <code> users:read</code> or <code>audit:read</code>). Ask a platform operator or your app's admin for one,
        then sign in again.
      </p>
      <button type="button" className="primary" onClick={() => void client.signOut()}>Sign out</button>
    </main>
  );
}
