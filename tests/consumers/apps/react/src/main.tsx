// An LA portal written in React 19: the questionnaire through the SDK's React wrapper, and the tags
// used directly (typed by the SDK's JSX declarations). ../../run.mjs opens the build in Chromium.
import './strict-csp.js';
import { StrictMode, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AtQuestionnaire } from '@all-together/components/react';
import { AtProgress } from '@all-together/components/react/at-progress.js';
import '@all-together/components/at-questionnaire.js';
import type {} from '@all-together/components/react/jsx.js';
import '@all-together/components/themes/govuk.css';
import { definition } from '@all-together/questionnaires/pupil-ks2.js';

const ks2 = definition();

function App(): ReactNode {
  const [events, setEvents] = useState<string[]>([]);
  const record = (who: string) => (event: Event) =>
    setEvents((list) => [...list, `${who} ${event.type}`]);
  return (
    <main>
      <h1>React consumer</h1>
      <section id="wrapper">
        <AtProgress current={2} total={5} />
        <AtQuestionnaire
          definition={ks2}
          school="123456"
          wave="baseline"
          onAtStart={record('wrapper')}
          onAtPage={record('wrapper')}
        />
      </section>
      <section id="intrinsic">
        <at-progress current={3} total={12}></at-progress>
        <at-questionnaire
          definition={ks2}
          school="123456"
          wave="end"
          exit-url="https://www.example.org/"
          onat-start={record('intrinsic')}
        ></at-questionnaire>
      </section>
      <ol id="events">
        {events.map((event, i) => (
          <li key={i}>{event}</li>
        ))}
      </ol>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
