/**
 * `npm start`: local mode. Until the SharePoint emulator lands there is nothing to serve, so this says
 * so and exits cleanly rather than pretending.
 */
console.log('Plan Builder: local mode arrives with the SharePoint emulator (issue 3).');
console.log('Run `npm test` to check the foundation: templates, domain and workflow engine.');
