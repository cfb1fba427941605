// Microsoft Graph application permissions for Plan Builder's managed identity, least privilege. Deployed once
// by someone who may grant them (Privileged Role Administrator or Global Administrator) — see
// docs/admin-guide.md, step 4:
//   az deployment group create -g <resource group> -f infra/graph-permissions.bicep \
//     -p principalId=<PB_MANAGED_IDENTITY_PRINCIPAL_ID from env/.env.dev>
//
// No tenant-wide write to SharePoint: Sites.Selected gives access to no site at all until a SharePoint
// administrator grants this identity `write` on the plan site (POST /sites/{site-id}/permissions).
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0'

@description('Object (principal) id of the service principal that calls Graph: the user-assigned managed identity (output PB_MANAGED_IDENTITY_PRINCIPAL_ID of azure.bicep).')
param principalId string

// Why each one:
// - Sites.Selected: read and write the plan lists, files and pages on the one site granted to this app.
// - User.Read.All: look people up and search for them (the directory reads jobTitle, which
//   User.ReadBasic.All does not include). Read only.
// - GroupMember.Read.All: read the members of the management team group. Read only.
// - TeamsAppInstallation.ReadWriteSelfForUser.All: install this app (and no other) for a person the bot
//   must reach, so it can message them.
var appRoles = [
  'Sites.Selected'
  'User.Read.All'
  'GroupMember.Read.All'
  'TeamsAppInstallation.ReadWriteSelfForUser.All'
]

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for role in appRoles: {
    principalId: principalId
    resourceId: graph.id
    appRoleId: first(filter(graph.appRoles, r => r.value == role && contains(r.allowedMemberTypes, 'Application'))).id
  }
]

output grantedAppRoles array = appRoles
