/**
 * The demo directory: fictional officers and members of the fictional Demo Borough Council. Their ids
 * stand in for Entra object ids; the Agents Playground's users use the same ones.
 */
import type { Person } from '../../ports/directory.js';

const id = (n: number): string => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const demoPeople = {
  planLead: {
    id: id(1),
    displayName: 'Priya Shah',
    mail: 'priya.shah@demo-borough.example',
    jobTitle: 'Head of Strategy and Performance',
  },
  financeOfficer: {
    id: id(2),
    displayName: 'Tom Okafor',
    mail: 'tom.okafor@demo-borough.example',
    jobTitle: 'Strategic Director, Resources (S151)',
  },
  monitoringOfficer: {
    id: id(3),
    displayName: 'Helen Marsh',
    mail: 'helen.marsh@demo-borough.example',
    jobTitle: 'Monitoring Officer',
  },
  director: {
    id: id(4),
    displayName: 'Samir Haddad',
    mail: 'samir.haddad@demo-borough.example',
    jobTitle: 'Director of Strategy',
  },
  digitalLead: {
    id: id(5),
    displayName: 'Grace Lin',
    mail: 'grace.lin@demo-borough.example',
    jobTitle: 'Head of Digital and Data',
  },
  hrLead: {
    id: id(6),
    displayName: 'Owen Price',
    mail: 'owen.price@demo-borough.example',
    jobTitle: 'Head of HR',
  },
  transformationLead: {
    id: id(7),
    displayName: 'Aisha Begum',
    mail: 'aisha.begum@demo-borough.example',
    jobTitle: 'Transformation Manager',
  },
  chiefExecutive: {
    id: id(8),
    displayName: 'Martin Cole',
    mail: 'martin.cole@demo-borough.example',
    jobTitle: 'Chief Executive',
  },
  peopleDirector: {
    id: id(9),
    displayName: 'Ruth Adeyemi',
    mail: 'ruth.adeyemi@demo-borough.example',
    jobTitle: 'Strategic Director, People',
  },
  placeDirector: {
    id: id(10),
    displayName: 'James Whitaker',
    mail: 'james.whitaker@demo-borough.example',
    jobTitle: 'Strategic Director, Place',
  },
  portfolioHolder: {
    id: id(11),
    displayName: 'Cllr Nadia Rahman',
    mail: 'nadia.rahman@demo-borough.example',
    jobTitle: 'Cabinet Member for Finance and Core Services',
  },
  deputy: {
    id: id(12),
    displayName: 'Carl Benson',
    mail: 'carl.benson@demo-borough.example',
    jobTitle: 'Deputy Director of Strategy',
  },
} as const satisfies Record<string, Person>;

export const managementTeamGroup = {
  id: 'd1000000-0000-4000-8000-000000000001',
  displayName: 'Demo Borough Executive Management Team',
  memberIds: [
    demoPeople.chiefExecutive.id,
    demoPeople.financeOfficer.id,
    demoPeople.peopleDirector.id,
    demoPeople.placeDirector.id,
    demoPeople.director.id,
  ],
};

export const allDemoPeople: readonly Person[] = Object.values(demoPeople);
