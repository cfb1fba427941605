// Plan Builder in Azure: one Linux App Service (Node 22 LTS) runs the tab, its API, the bot and /healthz;
// one user-assigned managed identity is the bot's identity and gets the Graph tokens, so there is no secret
// to store or rotate. Deployed by `arm/deploy` in teamsapp.yml; outputs become environment variables.
// Graph permissions for the identity are granted separately (graph-permissions.bicep): they need an Entra
// admin, not an Azure contributor.

@description('Names every resource: lower-case letters and digits, e.g. planbuilderbarking. The site name must be unique in Azure.')
@minLength(4)
@maxLength(40)
param resourceBaseName string

@description('Azure region for the App Service and the identity (the bot registration is global).')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for one council; always-on needs Basic or above.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('PB_SITE_URL: the SharePoint site that holds the plans, e.g. https://contoso.sharepoint.com/sites/Plans.')
param siteUrl string

@description('Client id of the Entra app registration for tab SSO (aadApp/create): the audience of Teams SSO tokens.')
param ssoClientId string

@description('PB_TEAMS_APP_ID: the app id in the tenant app catalog, known once the app is published. Empty: the bot never installs the app for anyone.')
param teamsCatalogAppId string = ''

@description('PB_BOT_SERVICE_URL: the Teams service URL used until a conversation names the regional one.')
param botServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('PB_AUTOSAVE_SECONDS: the section editor saves at most once per this many seconds (1-3600).')
param autosaveSeconds string = '10'

@description('PB_CACHE_MAX_AGE_SECONDS: how old (1-300 s) the cached plans and KPIs may be before a read asks SharePoint what changed.')
param cacheMaxAgeSeconds string = '5'

@description('PB_BUDGET_RESERVE_PERCENT: the percentage (0-90) of the SharePoint budget background work leaves for clicks and saves.')
param budgetReservePercent string = '15'

@description('Name of the bot in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'Plan Builder'

@description('Azure Bot pricing tier. Teams is a standard channel, free at F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var tenantId = tenant().tenantId
// App Service gives Node apps PORT=8080 and routes to it; saying so keeps the server and the platform agreed.
var port = '8080'
var mode = 'tenant'
var listenOn = '0.0.0.0'
var publicUrl = 'https://${site.properties.defaultHostName}'
var jwksUrl = '${environment().authentication.loginEndpoint}${tenantId}/discovery/v2.0/keys'
// The delegated scope manifest/aad.manifest.json exposes; every SSO token must carry it in scp.
var ssoScope = 'access_as_user'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      appCommandLine: 'npm start'
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// App settings are a separate resource because PB_PUBLIC_URL needs the site's own host name. Every variable
// the server reads in tenant mode is here (test/unit/ship checks it against CONFIG_VARIABLES); the other
// Graph credentials (PB_CLIENT_SECRET, PB_CERTIFICATE_*) are deliberately absent, as the server refuses two.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    PB_MODE: mode
    PORT: port
    WEBSITES_PORT: port
    PB_HOST: listenOn
    PB_SITE_URL: siteUrl
    PB_TENANT_ID: tenantId
    PB_CLIENT_ID: identity.properties.clientId
    PB_USE_MANAGED_IDENTITY: 'true'
    PB_PUBLIC_URL: publicUrl
    PB_TEAMS_APP_ID: teamsCatalogAppId
    PB_BOT_SERVICE_URL: botServiceUrl
    PB_AUTOSAVE_SECONDS: autosaveSeconds
    PB_CACHE_MAX_AGE_SECONDS: cacheMaxAgeSeconds
    PB_BUDGET_RESERVE_PERCENT: budgetReservePercent
    PB_SSO_AUDIENCE: ssoClientId
    PB_SSO_JWKS_URL: jwksUrl
    PB_SSO_SCOPE: ssoScope
    // Oryx installs the dependencies on the server during zip deploy, so native modules match Linux.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Outputs become environment variables of the toolkit environment (env/.env.<name>).
output PB_APP_SERVICE_RESOURCE_ID string = site.id
output TAB_DOMAIN string = site.properties.defaultHostName
output TAB_ENDPOINT string = publicUrl
output BOT_ID string = identity.properties.clientId
output PB_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output PB_MODE string = mode
output PORT string = port
output PB_HOST string = listenOn
output PB_TENANT_ID string = tenantId
output PB_CLIENT_ID string = identity.properties.clientId
output PB_USE_MANAGED_IDENTITY string = 'true'
output PB_PUBLIC_URL string = publicUrl
output PB_TEAMS_APP_ID string = teamsCatalogAppId
output PB_SSO_AUDIENCE string = ssoClientId
output PB_SSO_JWKS_URL string = jwksUrl
output PB_SSO_SCOPE string = ssoScope
