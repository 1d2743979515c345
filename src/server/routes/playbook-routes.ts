/** The action playbook: for each customer group what to do, who does it and by when, in the caller's language. */
import { z } from 'zod';
import { everyone } from '../../access/roles.js';
import { tierLabel } from '../../i18n/tier-labels.js';
import { defaultPlaybook, entryText, playbookGroups } from '../../playbook/default-playbook.js';
import { noInput, route } from '../route-spec.js';

export const playbookRoutes = [
  route({
    method: 'GET',
    url: '/api/playbook',
    access: everyone,
    summary: 'The default playbook: per customer group its traits, strategy, actions, owner role, deadline (days after the report date, or monthly) and expected effect',
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    handler: async ({ lang }) => ({
      groups: playbookGroups.map((group) => ({ group, label: tierLabel(group, lang), due: defaultPlaybook[group].due, ...entryText(defaultPlaybook[group], lang) })),
    }),
  }),
];
