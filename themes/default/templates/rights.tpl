{{%AUTOESCAPE context="HTML"}}
{{! rights.tpl - the rights under the site's jurisdictions and how to use them. LAWS, JURISDICTION(LABEL J_PLAIN), }}
{{! RIGHT(KEY TITLE DESCRIPTION RIGHT_LAW), EMAIL ADDRESS, LEGAL_NAME, PHONE, DPO/REPRESENTATIVE/AUTHORITY (C_NAME C_EMAIL }}
{{! C_ADDRESS C_PHONE C_URL, each TEXT), GDPR, CCPA; DPO_UNDOCUMENTED, AUTHORITY_UNDOCUMENTED ("not yet documented"). }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">You have rights over the personal data we hold about you. Using them is free, and we will not treat you differently for doing so.</p>
<p>The rights below are the ones the {{LAWS}} give you.</p>

<section aria-labelledby="rights-h">
<h2 id="rights-h">What you can ask us</h2>
<ul class="cards">
{{#RIGHT}}<li class="card" id="right-{{KEY}}">
<h3>{{TITLE}}</h3>
<p>{{DESCRIPTION}}</p>
{{#RIGHT_LAW}}<p class="meta">{{TEXT}}</p>
{{/RIGHT_LAW}}
</li>
{{/RIGHT}}
</ul>
</section>

<section aria-labelledby="how-h">
<h2 id="how-h">How to use your rights</h2>
<p>Write to us at <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{#PHONE}}, call {{TEXT}}{{/PHONE}}, or send a letter to {{#LEGAL_NAME}}{{TEXT}}, {{/LEGAL_NAME}}{{ADDRESS}}. Tell us which right you want to use; we may ask you to confirm who you are before we act, so that we never give your data to someone else.</p>
{{#GDPR}}<p>We answer within one month. If your request is complex we may need up to two more months, and we will tell you why within the first month.</p>
{{/GDPR}}
{{#CCPA}}<p>California residents: we answer within 45 days. You may use an authorised agent to make a request for you.</p>
{{/CCPA}}
{{#DPO}}<h3>Our data protection officer</h3>
<p>{{#C_NAME}}{{TEXT}}{{/C_NAME}}{{#C_EMAIL}} — <a href="mailto:{{TEXT}}">{{TEXT}}</a>{{/C_EMAIL}}{{#C_ADDRESS}}<br>{{TEXT}}{{/C_ADDRESS}}{{#C_PHONE}}<br>{{TEXT}}{{/C_PHONE}}</p>
{{/DPO}}
{{#DPO_UNDOCUMENTED}}<h3>Our data protection officer</h3>
<p><span class="undocumented">Not yet documented.</span> Until it is, write to us at the address above.</p>
{{/DPO_UNDOCUMENTED}}
{{#REPRESENTATIVE}}<h3>Our representative</h3>
<p>You can also contact our representative instead of us: {{#C_NAME}}{{TEXT}}{{/C_NAME}}{{#C_EMAIL}} — <a href="mailto:{{TEXT}}">{{TEXT}}</a>{{/C_EMAIL}}{{#C_ADDRESS}}<br>{{TEXT}}{{/C_ADDRESS}}{{#C_PHONE}}<br>{{TEXT}}{{/C_PHONE}}</p>
{{/REPRESENTATIVE}}
</section>

{{#AUTHORITY}}<section aria-labelledby="complain-h">
<h2 id="complain-h">If you are not happy</h2>
<p>Please tell us first, so we can put it right. You also have the right to complain to the data protection authority at any time: {{#C_URL}}<a href="{{TEXT}}">{{AUTH_NAME}}</a>{{/C_URL}}{{#AUTH_NOURL}}{{AUTH_NAME}}{{/AUTH_NOURL}}.</p>
</section>
{{/AUTHORITY}}
{{#AUTHORITY_UNDOCUMENTED}}<section aria-labelledby="complain-h">
<h2 id="complain-h">If you are not happy</h2>
<p>Please tell us first, so we can put it right. You also have the right to complain to the data protection authority at any time. Which authority: <span class="undocumented">not yet documented</span>.</p>
</section>
{{/AUTHORITY_UNDOCUMENTED}}
