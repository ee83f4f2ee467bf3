/** The sign-in links sent by e-mail over SMTP, where a mail server is configured (CONVENE_SMTP_*). */
package org.convene.mail;
