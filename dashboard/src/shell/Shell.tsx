import { NavLink, Outlet } from 'react-router';
import { useUser, useWatchword } from '@watchword/react';
import { useAccess } from '../api/ApiContext.js';
import { PAGES, pagesFor } from '../auth/access.js';
import { AppPicker } from './AppScope.js';

/** The frame of every page: who is signed in, the app in scope, the navigation the permissions allow. */
export function Shell() {
  const access = useAccess();
  const client = useWatchword();
  const { user } = useUser();
  const pages = pagesFor(access);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <p className="brand">Watchword <span>admin</span></p>
        <AppPicker />
        <div className="account">
          <span className="who">
            {user?.email ?? 'Signed in'}
            <span className="badge">{access.operator ? 'Platform operator' : 'App admin'}</span>
          </span>
          <button type="button" onClick={() => void client.signOut()}>Sign out</button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Admin">
        <ul>
          {pages.map((name) => (
            <li key={name}>
              <NavLink to={PAGES[name].path} end={PAGES[name].path === '/'}>{PAGES[name].label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
