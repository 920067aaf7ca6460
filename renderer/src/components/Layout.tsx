import type { MouseEvent, ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, type Route } from '../store/index.js';
import { CheckStatus } from './CheckStatus.js';

interface NavItem {
  text: string;
  route: Route;
}

const navigation: readonly NavItem[] = [
  { text: 'Oversight queue', route: { screen: 'home' } },
  { text: 'Team', route: { screen: 'team' } },
  { text: 'Import an extract', route: { screen: 'import' } },
  { text: 'Trends', route: { screen: 'trends' } },
  { text: 'Export the log', route: { screen: 'export' } },
  { text: 'Audit log', route: { screen: 'audit' } },
  { text: 'QA samples', route: { screen: 'samples' } },
  { text: 'Settings', route: { screen: 'settings' } },
];

/**
 * The page frame every screen shares: the security classification, an HMPPS-style header (the
 * GOV.UK crown is for GOV.UK itself), the GOV.UK service navigation and a footer.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { route, profile, navigate, restartImport } = useApp(
    useShallow((s) => ({ route: s.route, profile: s.profile, navigate: s.navigate, restartImport: s.restartImport })),
  );
  const showNavigation = profile !== null && route.screen !== 'first-run';
  const go = (item: NavItem) => (e: MouseEvent) => {
    e.preventDefault();
    if (item.route.screen === 'import') restartImport();
    navigate(item.route);
  };
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <div className="spo-classification" role="note" aria-label="Security classification">
        <div className="govuk-width-container">
          <strong>OFFICIAL-SENSITIVE</strong>
          <span> — criminal-offence and special-category data. Synthetic data only in demos and screenshots.</span>
        </div>
      </div>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <span className="govuk-generic-header__homepage-link spo-header__organisation">HM Prison &amp; Probation Service</span>
          </div>
          {profile && (
            <p className="govuk-body-s spo-user">
              <span className="govuk-visually-hidden">Using the app: </span>
              {profile.name} ({profile.staffCode}), team {profile.teamCode}
              {showNavigation && route.screen !== 'profile' && (
                <>
                  {' '}
                  <a
                    className="govuk-link govuk-link--inverse spo-user__change"
                    href="#profile"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ screen: 'profile' });
                    }}
                  >
                    Change user<span className="govuk-visually-hidden">: {profile.name}</span>
                  </a>
                </>
              )}
            </p>
          )}
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <span className="govuk-service-navigation__text">SPO Oversight</span>
            </span>
            {showNavigation && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {navigation.map((item) => {
                    const current = item.route.screen === route.screen;
                    return (
                      <li key={item.text} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                        <a className="govuk-service-navigation__link" href={`#${item.route.screen}`} onClick={go(item)} {...(current ? { 'aria-current': 'page' } : {})}>
                          {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <CheckStatus />
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-footer__meta-custom">
                SPO Oversight. Everything you see and export is OFFICIAL-SENSITIVE; each view and change of a case is recorded in the audit log (Data Protection
                Act 2018, section 62).
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
