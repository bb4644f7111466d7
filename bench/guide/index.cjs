// Smartcar's server-side getting-started app for API v3, as its guide writes
// it (express, smartcar's AuthClient, module-level token and user id), with
// one change: the two hosts come from the environment so that it can run
// against Paddock's emulator. It is the baseline of the app benchmark.
const fs = require('node:fs');
const express = require('express');
const smartcar = require('smartcar');

const IAM = process.env.GUIDE_IAM_ORIGIN || 'https://iam.smartcar.com';
const VEHICLE_API = process.env.GUIDE_VEHICLE_API_ORIGIN || 'https://vehicle.api.smartcar.com';

const app = express();

// The guide renders `home` and `vehicle` templates; a minimal engine fills the two beside this file.
app.engine('view', (file, options, done) => {
  fs.readFile(file, 'utf8', (error, template) => {
    if (error) return done(error);
    const rows = Object.entries(options.info?.data?.attributes ?? {})
      .map(([key, value]) => `<tr><th>${key}</th><td>${value}</td></tr>`)
      .join('');
    return done(null, template.replace('{{url}}', options.url ?? '').replace('{{rows}}', rows));
  });
});
app.set('views', __dirname);
app.set('view engine', 'view');

const client = new smartcar.AuthClient({ mode: 'simulated' });

// Global variable to save our access token and user_id
let accessToken;
let storedUserId;

async function getAccessToken() {
  const response = await fetch(`${IAM}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: process.env.SMARTCAR_CLIENT_ID,
      client_secret: process.env.SMARTCAR_CLIENT_SECRET,
    }),
  });
  const data = await response.json();
  return data.access_token;
}

app.get('/login', (req, res) => {
  const scope = ['read_vehicle_info'];
  const authUrl = client.getAuthUrl(scope);
  res.render('home', { url: authUrl });
});

app.get('/exchange', async (req, res) => {
  storedUserId = req.query.user_id;
  accessToken = await getAccessToken();
  res.redirect('/vehicle');
});

app.get('/vehicle', async (req, res) => {
  const connectionsResponse = await fetch(`${VEHICLE_API}/v3/connections`, {
    headers: { Authorization: `Bearer ${accessToken}`, 'sc-user-id': storedUserId },
  });
  const { connections } = await connectionsResponse.json();
  const vehicleResponse = await fetch(`${VEHICLE_API}/v3/vehicles/${connections[0].vehicleId}`, {
    headers: { Authorization: `Bearer ${accessToken}`, 'sc-user-id': storedUserId },
  });
  const attributes = await vehicleResponse.json();
  res.render('vehicle', { info: attributes });
});

const server = app.listen(Number(process.env.PORT || 8000), '127.0.0.1', () => {
  process.send?.({ ready: { url: `http://127.0.0.1:${server.address().port}` } });
});
process.on('SIGTERM', () => process.exit(0));
