<!-- Demo of a self-hosted osTicket staff panel (https://<your host>/scp/tickets.php?id=<id>), navigating by PJAX. -->
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta http-equiv="content-type" content="text/html; charset=UTF-8">
<meta http-equiv="x-pjax-version" content="demo">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>osTicket :: Staff Control Panel</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="app.css">
</head>
<body>
<div id="container">
  <div id="header">
    <p id="info" class="pull-right no-pjax">Welcome, <strong>Sam</strong>.</p>
    <a href="tickets.php?queue=1" id="logo" data-pjax>osTicket</a>
  </div>
  <div id="pjax-container"></div>
</div>
<script src="app.js"></script>
</body>
</html>
