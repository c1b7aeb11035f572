/**
 * Stories of `<at-results>` (CSF3 for `@storybook/web-components-vite`). Every figure comes from
 * the seeded synthetic cohort of `@all-together/questionnaires`, summarised and published by
 * `@all-together/scoring`: nothing is hand-typed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import './at-results.js';
import { RESULTS_VIEWS, type ResultsScope, type ResultsView } from './results.model.js';
import {
  labelDefinitions,
  linkedFixture,
  resultsFixture,
  smallSchoolFixture,
  standoutFixture,
  type ResultsFixture,
  type StandoutFixture,
} from './test-helpers/results-fixtures.js';

/** The story shape used here (a subset of Storybook's `StoryObj`, so no Storybook types are needed). */
interface Story {
  name?: string;
  render: () => TemplateResult;
  parameters?: Record<string, unknown>;
}

const meta = {
  title: 'Elements/at-results',
  component: 'at-results',
  parameters: {
    docs: {
      description: {
        component:
          'Results for a school, a trust or an LA from published results (`publishResults` of `@all-together/scoring`, as a server sends them). Every figure is published under disclosure control; hidden figures show as `[c]`, `[low]`, `[x]` or `[z]` with a note.',
      },
    },
  },
};
export default meta;

// Fixtures are built when a story renders (and kept for the page), never when the file loads:
// publishing a seeded cohort takes seconds, and a story should wait only for its own data.
const data = (): ResultsFixture => resultsFixture();
/** A small school in a large LA: several groups are hidden to protect privacy. */
const small = () => smallSchoolFixture().school;
const definitions = labelDefinitions();

function results(
  view: ResultsView,
  scope: ResultsScope = 'school',
  f: ResultsFixture = data(),
  dimension = 'sen',
  pool?: string,
): TemplateResult {
  return html`<at-results
    view=${view}
    scope=${scope}
    dimension=${dimension}
    pool=${pool ?? nothing}
    comparator-name=${scope === 'la' ? '' : 'the rest of the local authority'}
    .results=${scope === 'school' ? f.school : scope === 'trust' ? f.trust : f.la}
    .audit=${f.audit}
    .cpd=${f.cpd}
    .definitions=${definitions}
  ></at-results>`;
}

export const SchoolHeadline: Story = {
  name: 'School: headline',
  render: () => results('headline'),
};
export const TrustHeadline: Story = {
  name: 'Trust: headline',
  render: () => results('headline', 'trust'),
};
export const LaHeadline: Story = { name: 'LA: headline', render: () => results('headline', 'la') };

export const SchoolBreakdown: Story = {
  name: 'School: by SEND',
  render: () => results('breakdown'),
};
export const TrustBreakdownByYear: Story = {
  name: 'Trust: by year group',
  render: () => results('breakdown', 'trust', data(), 'yearGroup'),
};
export const LaBreakdownFsm: Story = {
  name: 'LA: by free school meals',
  render: () => results('breakdown', 'la', data(), 'fsm'),
};
export const SuppressedGroups: Story = {
  name: 'Small school: hidden groups',
  render: () => standout('breakdown', { school: small() }),
};
export const SuppressedChange: Story = {
  name: 'Small school: change with hidden groups',
  render: () => standout('change', { school: small() }),
};
/** A small school in a large LA: its SEND figure is hidden, said in words, with the LA's figure. */
export const HiddenSendFigure: Story = {
  name: 'Small school: the SEND figure hidden, said in words',
  render: () =>
    html`<at-results
      view="breakdown"
      dimension="sen"
      comparator-name="the rest of the local authority"
      .results=${small()}
    ></at-results>`,
};

/**
 * A school surveyed with characteristics from its records (linked mode): breakdowns by looked-after,
 * young carer and ethnic group, which pupils are never asked. Six looked-after pupils: hidden, said
 * in words, with the rest of the area's figure.
 */
const fromRecords = (dimension: string): TemplateResult =>
  html`<at-results
    view="breakdown"
    dimension=${dimension}
    comparator-name="the rest of the local authority"
    .results=${linkedFixture().school}
  ></at-results>`;
export const LinkedLookedAfter: Story = {
  name: 'From school records: by looked-after',
  render: () => fromRecords('lookedAfter'),
};
export const LinkedEthnicity: Story = {
  name: 'From school records: by ethnic group',
  render: () => fromRecords('ethnicity'),
};

/** A primary school with Reception to Year 2 and Years 3 to 6: two pools, never added together. */
export const TwoPools: Story = {
  name: 'School with younger and older pupils (two pools)',
  render: () => results('breakdown', 'trust', data(), 'sen'),
};
export const YoungerPupils: Story = {
  name: 'Reception to Year 2 only',
  render: () =>
    html`<at-results
      view="headline"
      pool="pupil-ks1"
      .results=${data().la}
      scope="la"
      .definitions=${definitions}
    ></at-results>`,
};
export const LaChange: Story = {
  name: 'LA: start and end (change)',
  render: () => results('change', 'la', data(), 'all'),
};
export const TrustChangeBySen: Story = {
  name: 'Trust: change by SEND',
  render: () => results('change', 'trust'),
};
export const SchoolComparison: Story = {
  name: 'School: compared with the rest of the LA',
  render: () => results('comparison', 'school', data(), 'all'),
};
export const TrustComparison: Story = {
  name: 'Trust: compared with the rest of the LA',
  render: () => results('comparison', 'trust', data(), 'sex'),
};
const better = () => standoutFixture('better');
const worse = () => standoutFixture('worse');
function standout(view: ResultsView, f: StandoutFixture, dimension = 'sen'): TemplateResult {
  return html`<at-results
    view=${view}
    scope="school"
    dimension=${dimension}
    comparator-name="the rest of the local authority"
    .results=${f.school}
    .definitions=${definitions}
  ></at-results>`;
}

export const ComparisonBetter: Story = {
  name: 'School doing better than the rest of its LA (green, significant)',
  render: () => standout('comparison', better()),
};
export const ComparisonWorse: Story = {
  name: 'School doing worse than the rest of its LA (amber or red, significant)',
  render: () => standout('comparison', worse(), 'fsm'),
};
export const SignificantImprovement: Story = {
  name: 'School with a significant improvement',
  render: () => standout('change', better()),
};
export const HeadlineWithChange: Story = {
  name: 'School headline with a significant change',
  render: () => standout('headline', better()),
};

export const Types: Story = { name: 'Types of bullying', render: () => results('types', 'la') };
export const Feelings: Story = {
  name: 'Feelings about school',
  render: () => results('feelings', 'trust'),
};
export const Audit: Story = { name: 'Audit: start and end', render: () => results('audit') };
export const Cpd: Story = { name: 'Staff training confidence', render: () => results('cpd') };
export const NoData: Story = {
  name: 'A view with no data',
  render: () => html`<at-results view="change"></at-results>`,
};

export const RightToLeft: Story = {
  name: 'Right to left',
  render: () => html`<div dir="rtl">${results('change', 'trust')}</div>`,
};

/** Every view stacked, as a school report prints (use the browser's print preview: tables open, no buttons). */
export const PrintPreview: Story = {
  name: 'Print preview: the school report',
  render: () => html`${RESULTS_VIEWS.map((v) => results(v, 'school'))}`,
};
