// The SurveyJS side of the size benchmark: one survey rendered on a page, the way its docs embed
// it (survey-core's model, survey-js-ui's renderer and its stylesheet). Not shipped.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.min.css';

const survey = new Model({
  pages: [
    {
      elements: [
        {
          type: 'radiogroup',
          name: 'bullied',
          title: 'How often have you been bullied since the last holiday?',
          choices: ['Not at all', 'Once or twice', 'Several times a week'],
        },
      ],
    },
  ],
});
renderSurvey(survey, document.getElementById('survey'));
