/**
 * A header field that shows a person's job title and phone gets them from the directory when the plan is
 * rendered for publication; a field that shows only the name asks the directory for nothing more.
 */
import { describe, expect, it } from 'vitest';
import { PeopleNames } from '../../../src/adapters/bot/people-names.js';
import { PlanRenderer } from '../../../src/adapters/documents/plan-renderer.js';
import type { Directory, Person } from '../../../src/ports/directory.js';
import { catalog, testPeople } from '../../support/fixtures/index.js';
import { writtenPlan } from './support.js';

function directoryOf(people: readonly Person[]): Directory & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    person: async (id) => {
      asked.push(id);
      return people.find((p) => p.id === id) ?? null;
    },
    search: async () => [],
    groupMembers: async () => [],
  };
}

const officer: Person = {
  id: testPeople.chiefExecutive,
  displayName: 'Jane Alexander',
  mail: 'jane.alexander@fenmarsh.example',
  jobTitle: 'Senior Lead Officer, Service Improvement',
  phone: '01632 960 118',
};

describe('the plan renderer', () => {
  it('prints the job title and phone the directory gives for a person field that shows them', async () => {
    const directory = directoryOf([officer]);
    const renderer = new PlanRenderer(catalog, new PeopleNames(directory), directory);
    const plan = writtenPlan({ formatId: 'fenmarsh-governance-and-resources' });
    const { html } = await renderer.render(plan, 'include');
    expect(html).toContain(
      '<th scope="row">Lead Officer and Report Author</th><td>Jane Alexander, Senior Lead Officer, Service Improvement, Tel: 01632 960 118</td>',
    );
    expect(html).toContain(
      '<th scope="row">Lead Head of Service</th><td>Jane Alexander, Senior Lead Officer, Service Improvement</td>',
    );
  });

  it('asks the directory for no details where no field shows more than the name (Barking)', async () => {
    const details = directoryOf([officer]);
    const renderer = new PlanRenderer(catalog, new PeopleNames(directoryOf([officer])), details);
    await renderer.render(writtenPlan({ formatId: 'barking-and-dagenham-cabinet' }), 'include');
    expect(details.asked).toEqual([]);
    await renderer.render(writtenPlan({ formatId: 'fenmarsh-governance-and-resources' }), 'include');
    expect(details.asked).toEqual([testPeople.chiefExecutive]);
  });
});
