import type { Messages } from './zh-CN.ts';

export const enUS: Messages = {
  'app.name': 'Gongxin',
  'app.skipToContent': 'Skip to main content',
  'app.footer': 'Gongxin · open-source public credit information platform',
  'app.loadFailed': 'Loading failed: {reason}',
  'app.networkError': 'Cannot reach the server. Check your connection and try again.',
  'app.retry': 'Retry',

  'header.role': 'Role: {role}',
  'header.language': 'Language',

  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.search': 'Credit search',

  'role.public': 'Public',
  'role.subject': 'Credit subject',
  'role.provider': 'Information provider',
  'role.gov': 'Government user',
  'role.agency': 'Credit service agency',
  'role.center': 'Credit center / competent department',

  'search.label': 'Organisation name or unified social credit code',
  'search.placeholder': 'Enter an organisation name or unified social credit code',
  'search.submit': 'Search',
  'search.tooShort': 'Enter at least {min} characters',

  'home.title': 'Public credit information search',
  'home.subtitle':
    'Look up the credit information disclosed by law about companies, individual businesses, social organisations and public institutions',
  'home.figures': 'Credit information at a glance',
  'home.figuresOfCity': 'Credit information in {city}',
  'home.providers': 'Information providers',
  'home.subjects': 'Credit subjects',
  'home.organizations': 'Companies and other organisations',
  'home.profile': 'Rules version applied: {version}',
  'home.profileFrom': ', in force from {from}',
  'home.profileUntil': ' until {to}',
  'home.profileInForce': 'In force',
  'home.profileExpired': 'Past its end date, still applied',
  'home.asOf': 'As of {date}',

  'searchPage.title': 'Credit search',
  'searchPage.prompt': 'Enter an organisation name or unified social credit code.',
  'searchPage.summary': '{total} subjects match “{query}”',
  'searchPage.truncated': 'Showing the first {shown}. Enter a fuller name or code to narrow the search.',
  'searchPage.empty': 'No subject matches “{query}”',
  'searchPage.emptyHint': 'Check the spelling of the name or the unified social credit code.',
  'searchPage.failed': 'Search failed',

  'subject.name': 'Name',
  'subject.code': 'Unified social credit code',
  'subject.kind': 'Kind',
  'subject.district': 'District',
  'subject.districtUnknown': '—',

  'kind.company': 'Company',
  'kind.individual_business': 'Individual business',
  'kind.social_organization': 'Social organisation',
  'kind.public_institution': 'Public institution',
  'kind.other_organization': 'Other organisation',
  'kind.natural_person': 'Natural person',

  'notFound.title': 'Page not found',
  'notFound.subtitle': 'The page you asked for does not exist or has been removed.',
  'notFound.home': 'Back to home',
};
